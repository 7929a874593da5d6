const LINKS = [
  ['/admin', 'Dashboard'],
  ['/admin/evaluations', 'Evaluations'],
  ['/admin/reviews', 'Reviews'],
  ['/admin/users', 'Users'],
  ['/admin/sessions', 'Sessions'],
  ['/admin/config', 'Configuration'],
  ['/admin/audit', 'Audit log'],
  ['/admin/system', 'System'],
] as const;

/** The admin section's navigation; `current` is the active section's path. */
export function AdminNav({ current }: { current: string }) {
  return (
    <nav class="admin-nav" aria-label="Admin">
      <ul>
        {LINKS.map(([href, label]) => (
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
