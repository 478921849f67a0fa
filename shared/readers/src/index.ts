export * from './formats.js';
export * from './line-parser.js';
export { JsonlParser } from './jsonl.js';
export { CsvParser, delimiterOf } from './csv.js';
export { TextDumpParser } from './text-dump.js';
export * from './read.js';
export * from './identity.js';
export * from './validate.js';
export { MAX_LINE_BYTES } from './lines.js';
