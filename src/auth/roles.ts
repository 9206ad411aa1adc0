export const ROLES = ['system', 'steward', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** admin implies every role; the others are independent (a steward is not a calling system). */
export function roleSatisfies(held: Role, required: readonly Role[]): boolean {
  return held === 'admin' || required.includes(held);
}
