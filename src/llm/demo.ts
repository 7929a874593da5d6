import { createHash } from 'node:crypto';
import { detectLanguage } from '../i18n/detect.ts';
import { DEMO_PHRASES, type DemoPhrases } from './demo-phrases.ts';
import { sleep } from '../sleep.ts';
import { LlmError, ZERO_USAGE, type LlmProvider, type LlmReply, type LlmRequest } from './types.ts';

/** Offline evaluator: deterministic, varies with the memo, needs no key. Every page labels its output. */
export function demoProvider(opts: { delayMs: number }): LlmProvider {
  return {
    name: 'demo',
    model: 'demo-evaluator',
    async complete(req: LlmRequest, signal: AbortSignal, onText?: (delta: string) => void): Promise<LlmReply> {
      const memo = extractMemo(req.messages[0]?.content ?? '');
      const { ids, levels } = schemaFacts(req.schema);
      const pieces = answerPieces(demoEvaluation(memo, ids, levels));
      // Like a streamed answer: a pause to "think", then the criteria one by one in the rest of the delay.
      await sleep(opts.delayMs * 0.4, signal);
      for (const piece of pieces) {
        if (signal.aborted) break;
        onText?.(piece);
        await sleep((opts.delayMs * 0.6) / pieces.length, signal);
      }
      if (signal.aborted) throw new LlmError('timeout', 'The demo evaluator was stopped');
      return {
        text: pieces.join(''),
        stopReason: 'end_turn',
        refusalCategory: null,
        requestId: null,
        // Offline: no tokens are billed, so none are counted (the cost stays honest).
        usage: ZERO_USAGE,
      };
    },
  };
}

/** The answer's JSON text in pieces: the opening with the first criterion, each further criterion, then the rest. */
function answerPieces(answer: ReturnType<typeof demoEvaluation>): string[] {
  const { criteria, ...rest } = answer;
  const each = Object.entries(criteria).map(([id, c], i) => `${i ? ',' : ''}${JSON.stringify(id)}:${JSON.stringify(c)}`);
  const tail = `},${JSON.stringify(rest).slice(1)}`;
  return [`{"criteria":{${each[0] ?? ''}`, ...each.slice(1), tail];
}

/** The memo inside the user message's <memo> tags (the escaping of a literal tag undone). */
export function extractMemo(userMessage: string): string {
  const m = /<memo>\n([\s\S]*)\n<\/memo>/.exec(userMessage);
  return (m ? m[1]! : userMessage).replace(/<(\/?)(memo)\u200B/gi, '<$1$2');
}

/** The criterion ids and score levels the output schema allows. */
export function schemaFacts(schema: Record<string, unknown>): { ids: string[]; levels: number[] } {
  const criteria = (schema as { properties: { criteria: { required: string[]; properties: Record<string, { properties: { score: { enum: number[] } } }> } } }).properties.criteria;
  const ids = criteria.required;
  const levels = criteria.properties[ids[0]!]!.properties.score.enum;
  return { ids, levels };
}

interface Features {
  words: number;
  sentences: string[];
  paragraphs: number;
  numbers: number;
  headings: number;
  ask: boolean;
  risk: boolean;
  audience: boolean;
  avgSentenceWords: number;
}

function features(memo: string): Features {
  const sentences = memo.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 0);
  const words = memo.split(/\s+/).filter(Boolean).length;
  return {
    words,
    sentences,
    paragraphs: memo.split(/\n\s*\n/).filter((p) => p.trim()).length,
    numbers: (memo.match(/[$€£]?\d[\d,.]*%?/g) ?? []).length,
    headings: memo.split('\n').filter((l) => /^(#+\s|[A-Z][A-Za-z /&]{2,40}:\s*$|(TO|FROM|RE|SUBJECT|DATE|PARA|DE|ASUNTO|FECHA):)/.test(l.trim())).length,
    ask: /\b(recommend|propose|request|approve|approval|decision|ask that|by (monday|tuesday|wednesday|thursday|friday|the end)|recomiendo|propongo|solicito|aprob|decisi)/i.test(memo),
    risk: /\b(risk|mitigat|contingen|downside|timeline|phase|milestone|riesgo|mitig|plazo|fase|calendario)/i.test(memo),
    audience: /\b(ceo|cfo|board|strateg|goal|customer|objective|priority|priorities|director|junta|estrateg|objetivo|cliente|prioridad)/i.test(memo),
    avgSentenceWords: words / Math.max(1, sentences.length),
  };
}

/** A small, stable number in [0, n) from the memo and a salt, so scores vary with the text. */
function jitter(memo: string, salt: string, n: number): number {
  return createHash('sha256').update(salt).update(memo).digest()[0]! % n;
}

function rawScore(id: string, f: Features): number {
  const length = f.words < 60 ? 1 : f.words < 150 ? 2 : f.words < 600 ? 3 : 2.5;
  if (/struct|summary|organi/.test(id)) return length + (f.paragraphs >= 3 ? 1 : 0) + (f.headings > 0 ? 1 : 0);
  if (/evidence|financ|data/.test(id)) return 1 + Math.min(3, f.numbers / 2) + (f.words > 120 ? 0.5 : 0);
  if (/clar|concis|style/.test(id)) return f.avgSentenceWords < 18 ? 4 : f.avgSentenceWords < 26 ? 3 : 2;
  if (/ask|recommend|action/.test(id)) return length + (f.ask ? 2 : 0);
  if (/risk|implement/.test(id)) return length + (f.risk ? 2 : 0);
  if (/audience|strateg|fit/.test(id)) return length + (f.audience ? 1.5 : 0);
  return length + 1;
}

/** The demo's answer to one memo: scores from surface features of the text (length, figures, an ask, risks). */
export function demoEvaluation(memo: string, ids: string[], levels: number[]) {
  const f = features(memo);
  const say = DEMO_PHRASES[detectLanguage(memo)];
  const lo = levels[0]!;
  const hi = levels[levels.length - 1]!;
  const criteria = Object.fromEntries(
    ids.map((id) => {
      const s = Math.round(rawScore(id, f) + jitter(memo, id, 2) - 0.5);
      const score = Math.min(hi, Math.max(lo, s));
      const level = score >= hi - 1 ? say.level.high : score <= 2 ? say.level.low : say.level.mid;
      return [id, { score, justification: say.justification(level, id.replace(/_/g, ' '), f.words, f.paragraphs, f.numbers) }];
    }),
  );
  return { criteria, strengths: strengths(f, say), opportunities: opportunities(f, say), segments: segments(f, ids, say) };
}

function strengths(f: Features, say: DemoPhrases): string[] {
  const s = say.strengths;
  const out: string[] = [];
  if (f.numbers > 0) out.push(s.numbers);
  if (f.ask) out.push(s.ask);
  if (f.paragraphs >= 3) out.push(s.paragraphs);
  if (f.avgSentenceWords < 20) out.push(s.short);
  if (out.length < 2) out.push(...s.fallback);
  return out.slice(0, 4);
}

function opportunities(f: Features, say: DemoPhrases): string[] {
  const o = say.opportunities;
  const out: string[] = [];
  if (!f.ask) out.push(o.ask);
  if (f.numbers < 2) out.push(o.numbers);
  if (!f.risk) out.push(o.risk);
  if (f.avgSentenceWords >= 20) out.push(o.long);
  if (out.length < 2) out.push(...o.fallback);
  return out.slice(0, 4);
}

function segments(f: Features, ids: string[], say: DemoPhrases) {
  const pick = (re: RegExp) => ids.find((id) => re.test(id)) ?? ids[0]!;
  // Body sentences only: header lines (TO:, FROM:, RE:, PARA:, ASUNTO:) make poor passages to coach on.
  const body = f.sentences.filter((s) => s.length >= 25 && !/^(to|from|re|date|subject|cc|para|de|asunto|fecha)\s*:/i.test(s));
  const chosen: { quote: string; criterion: string; comment: string; questions: string[]; suggestion: string }[] = [];
  const take = (quote: string | undefined, criterion: string, text: DemoPhrases['opening']) => {
    if (quote && !chosen.some((c) => c.quote === quote)) chosen.push({ quote, criterion, ...text });
  };
  take(body[0], pick(/struct|summary/), say.opening);
  take(body.find((s) => /\d/.test(s) && s !== body[0]), pick(/evidence|financ/), say.figure);
  take([...body].sort((a, b) => b.length - a.length).find((s) => !chosen.some((c) => c.quote === s)), pick(/clar|concis/), say.longest);
  return chosen;
}
