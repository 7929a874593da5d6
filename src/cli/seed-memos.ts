/** Realistic memo material for `npm run seed`: a few situations, varied by numbers and quality. */
export interface MemoSeed {
  to: string;
  subject: string;
  ask: string;
  evidence: string;
  risk: string;
}

export const MEMO_SEEDS: MemoSeed[] = [
  { to: 'Dana Lee, CFO', subject: 'Warehouse picking automation', ask: 'approve ${amount} to automate picking at the Dayton warehouse by March 31', evidence: 'The pilot cut picking errors by {pct}% and saved {hours} labor hours per quarter, so payback is under two years.', risk: 'The main risk is downtime during installation; we will phase the rollout over three weekends and keep manual picking as a fallback.' },
  { to: 'Priya Shah, VP Marketing', subject: 'Shift trade-show budget to webinars', ask: 'move ${amount} of next year\u2019s trade-show budget to a monthly webinar series starting in February', evidence: 'Our last four webinars produced {pct}% more qualified leads per dollar than the spring trade shows, at {hours} leads per event.', risk: 'Webinars reach fewer new prospects; we will keep the two largest shows and review lead quality after one quarter.' },
  { to: 'Operations Committee', subject: 'Second shift for the Reno plant', ask: 'add a second shift at the Reno plant from April, hiring 24 operators at a cost of ${amount} a year', evidence: 'Order backlog has grown {pct}% since June and overtime now costs {hours} hours a month.', risk: 'Hiring may take longer than planned; we will use a staffing agency for the first eight weeks.' },
  { to: 'Marco Ruiz, CEO', subject: 'Customer-support chatbot', ask: 'fund a ${amount} six-month pilot of a support chatbot for billing questions', evidence: 'Billing questions are {pct}% of our tickets and take agents {hours} hours a week.', risk: 'Customers may dislike automated answers; the bot will hand off to a person on request and we will track satisfaction weekly.' },
  { to: 'Board Finance Subcommittee', subject: 'Refinance the equipment loan', ask: 'refinance the ${amount} equipment loan at the new fixed rate before the December rate review', evidence: 'The new rate is {pct} basis points lower, saving about {hours} thousand dollars over the remaining term.', risk: 'A prepayment fee of one percent applies; it is recovered within eleven months.' },
];

/** A memo of the given quality (0 weak … 2 strong), deterministic in `n`. */
export function seedMemo(seed: MemoSeed, n: number, quality: 0 | 1 | 2): string {
  const amount = (40 + ((n * 37) % 400)) * 1000;
  const fill = (s: string) => s.replace('{amount}', amount.toLocaleString('en-US')).replace('{pct}', String(8 + ((n * 13) % 40))).replace('{hours}', String(100 + ((n * 71) % 1900)));
  const header = `TO: ${seed.to}\nFROM: Student ${n}\nRE: ${seed.subject}\n`;
  if (quality === 0) return `${header}\nI have been thinking about ${seed.subject.toLowerCase()} for a while and there are many things to consider, and it might be a good idea to look into it at some point if people agree.`;
  const body = `${header}\nI recommend that we ${fill(seed.ask)}.\n\n${fill(seed.evidence)}`;
  if (quality === 1) return body;
  return `${body}\n\n${seed.risk}\n\nPlease approve by Friday so we can start on schedule.`;
}
