// The part of nodemailer's API used here (the package ships no types of its own).
declare module 'nodemailer' {
  export interface SentMessageInfo {
    messageId: string;
    accepted: string[];
    rejected: string[];
  }
  export interface Transporter {
    sendMail(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<SentMessageInfo>;
    close(): void;
  }
  export function createTransport(url: string): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
