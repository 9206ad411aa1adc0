import { escapeLiteral, prepareValue } from 'pg/lib/utils';

/**
 * A parameterised statement as plain SQL text, each `$n` replaced by the literal of the value pg
 * would have sent for it, so that several statements can travel in one simple-protocol message.
 * A literal is typed by its context exactly as a parameter is. Values go through pg's own
 * serialisation and escaping; the SQL text must be ours (no `$n` inside its own string literals).
 */
export function inlineParameters(sql: string, params: readonly unknown[] = []): string {
  return sql.replace(/\$(\d+)/g, (_match, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= params.length) {
      throw new Error(`inlineParameters: no value for $${digits}`);
    }
    const value = prepareValue(params[index]);
    if (value === null) return 'NULL';
    if (typeof value !== 'string')
      throw new Error('inlineParameters: binary values are not supported');
    return escapeLiteral(value);
  });
}
