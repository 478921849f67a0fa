export function packageOf(url: string): string;
export function categoryOf(functionName: string, url: string, callerUrl?: string | null): string;
export interface ProfileSummary {
  file: string;
  wallMs: number;
  busyMs: number;
  records: number | null;
  topFunctions: { name: string; ms: number; share: number }[];
  topPackages: { name: string; ms: number; share: number }[];
  byCategory: { name: string; ms: number; msPerAbstract: number | null; share: number }[];
}
export function summarizeProfile(path: string, top?: number, window?: [number, number] | null, records?: number | null): ProfileSummary;
