/** pg's own parameter serialisation (the package exports lib/*; @types/pg does not describe it). */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
  export function escapeLiteral(value: string): string;
}
