import type { Role } from '../../../auth/account-policy.ts';

/** The console's sections; `staff` ones are open to instructors too (the rest are admins only). */
const LINKS = [
  ['/admin', 'Dashboard', 'admin'],
  ['/admin/evaluations', 'Evaluations', 'staff'],
  ['/admin/assignments', 'Assignments', 'staff'],
  ['/admin/reviews', 'Reviews', 'staff'],
  ['/admin/calibration', 'Calibration', 'staff'],
  ['/admin/users', 'Users', 'admin'],
  ['/admin/sessions', 'Sessions', 'admin'],
  ['/admin/config', 'Configuration', 'admin'],
  ['/admin/audit', 'Audit log', 'admin'],
  ['/admin/system', 'System', 'admin'],
] as const;

/** The admin section's navigation: what `role` may open; `current` is the active section's path. */
export function AdminNav({ current, role }: { current: string; role: Role | undefined }) {
  return (
    <nav class="admin-nav" aria-label="Admin">
      <ul>
        {LINKS.filter(([, , who]) => role === 'admin' || who === 'staff').map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
