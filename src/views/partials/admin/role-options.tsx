import { ROLE_LABELS, type Role } from '../../../auth/account-policy.ts';

/** The options of a role select, `selected` chosen. */
export function RoleOptions({ selected }: { selected: string }) {
  return (
    <>
      {(Object.keys(ROLE_LABELS) as Role[]).map((role) => (
        <option value={role} selected={role === selected}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </>
  );
}
