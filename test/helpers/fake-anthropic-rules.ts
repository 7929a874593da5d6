// Request checks of the fake Messages API: the 400s the current API gives Claude 5.x models.
// Each check returns the invalid_request_error message, or null when the request passes.

export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number];
export const MAX_OUTPUT_TOKENS = 128_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first reason the API would reject this body, or null. */
export function rejectReason(body: Json): string | null {
  return checkMaxTokens(body.max_tokens) ?? checkSampling(body) ?? checkThinking(String(body.model ?? ''), body) ?? checkOutputConfig(body.output_config);
}

function checkMaxTokens(v: unknown): string | null {
  if (v === undefined) return 'max_tokens: Field required';
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_OUTPUT_TOKENS)
    return `max_tokens: must be an integer between 1 and ${MAX_OUTPUT_TOKENS}, got ${JSON.stringify(v)}`;
  return null;
}

// Claude 5.x samples with fixed settings: only the defaults (or leaving them out) are accepted.
function checkSampling(body: Json): string | null {
  if (body.temperature !== undefined && body.temperature !== 1) return '`temperature` is not supported for this model; omit it or use the default of 1';
  if (body.top_p !== undefined && body.top_p !== 1) return '`top_p` is not supported for this model; omit it or use the default of 1';
  if (body.top_k !== undefined) return '`top_k` is not supported for this model';
  return null;
}

/**
 * Thinking types each model accepts (the models' "what's new" pages): Sonnet 5.5 replaced `disabled`
 * with `between_tools`, Opus 5.5 only thinks adaptively, Haiku 5.5 can turn thinking off up to
 * `high` effort. Other ids (Sonnet 5, test models) keep Sonnet 5's `adaptive` and `disabled`.
 */
function thinkingTypes(model: string, effort: unknown): string[] {
  if (model.startsWith('claude-sonnet-5-5')) return ['adaptive', 'between_tools'];
  if (model.startsWith('claude-opus-5-5')) return ['adaptive'];
  if (model.startsWith('claude-haiku-5-5') && (effort === 'xhigh' || effort === 'max')) return ['adaptive'];
  return ['adaptive', 'disabled'];
}

function checkThinking(model: string, body: Json): string | null {
  const v = body.thinking;
  if (v === undefined || v === null) return null;
  const type = isObject(v) ? v.type : undefined;
  if (type === 'enabled') return 'thinking.type: "enabled" with budget_tokens is not supported for this model; use thinking.type "adaptive" and output_config.effort';
  const effort = isObject(body.output_config) ? body.output_config.effort : undefined;
  if (thinkingTypes(model, effort).includes(String(type))) return null;
  return `"thinking.type.${String(type)}" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`;
}

function checkOutputConfig(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) return 'output_config: must be an object';
  if (v.effort != null && !(EFFORTS as readonly unknown[]).includes(v.effort))
    return `output_config.effort: must be one of ${EFFORTS.join(', ')}, got ${JSON.stringify(v.effort)}`;
  const format = v.format;
  if (format == null) return null;
  if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.schema))
    return 'output_config.format: must be {"type": "json_schema", "schema": {...}}';
  return checkSchema(format.schema);
}

// ---- Structured-output JSON schema subset -------------------------------------------------

const REJECTED = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'];
const FORMATS = ['date-time', 'time', 'date', 'email', 'uri', 'uuid', 'ipv4', 'ipv6'];
const TYPES = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

/**
 * Walks the whole schema (definitions included, refs followed) and names the first unsupported
 * keyword with its JSON pointer. Keywords in neither the supported nor the rejected list pass.
 */
export function checkSchema(root: Json): string | null {
  const fail = (at: string, what: string) => `output_config.format.schema: ${what} (at ${at || '/'})`;

  function walk(node: unknown, at: string, open: Set<string>): string | null {
    if (!isObject(node)) return null;
    open = new Set(open).add(at);
    for (const k of REJECTED) if (k in node) return fail(`${at}/${k}`, `keyword '${k}' is not supported`);
    if ('minItems' in node && node.minItems !== 0 && node.minItems !== 1) return fail(`${at}/minItems`, `keyword 'minItems' only supports 0 or 1, got ${JSON.stringify(node.minItems)}`);
    if ('format' in node && !FORMATS.includes(node.format as string)) return fail(`${at}/format`, `format ${JSON.stringify(node.format)} is not supported`);
    for (const t of [node.type ?? []].flat()) if (!TYPES.includes(t as string)) return fail(`${at}/type`, `type ${JSON.stringify(t)} is not supported`);
    if ('properties' in node && node.additionalProperties !== false)
      return fail(`${at}/additionalProperties`, "'additionalProperties' must be set to false on every object with properties");
    if (typeof node.$ref === 'string') {
      const r = followRef(node.$ref, at, open);
      if (r) return r;
    }
    for (const [key, child] of children(node)) {
      const r = walk(child, `${at}/${key}`, open);
      if (r) return r;
    }
    return null;
  }

  function followRef(ref: string, at: string, open: Set<string>): string | null {
    if (!ref.startsWith('#')) return fail(`${at}/$ref`, `only local $ref is supported, got ${JSON.stringify(ref)}`);
    const target = ref.slice(1);
    // A ref back to a node we are inside of (or to itself) makes the schema recursive.
    if (open.has(target)) return fail(`${at}/$ref`, `recursive $ref ${JSON.stringify(ref)} is not supported`);
    const node = resolve(root, target);
    if (node === undefined) return fail(`${at}/$ref`, `$ref ${JSON.stringify(ref)} does not resolve`);
    return walk(node, target, open);
  }

  return walk(root, '', new Set());
}

/** Sub-schemas of a node, as [pointer segment, schema] pairs. */
function children(node: Json): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const key of ['properties', '$defs', 'definitions']) {
    if (isObject(node[key])) for (const [name, s] of Object.entries(node[key])) out.push([`${key}/${escape(name)}`, s]);
  }
  for (const key of ['anyOf', 'allOf', 'oneOf', 'prefixItems']) {
    if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((s, i) => out.push([`${key}/${i}`, s]));
  }
  for (const key of ['items', 'additionalProperties', 'not']) if (isObject(node[key])) out.push([key, node[key]]);
  return out;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function resolve(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node = root;
  for (const seg of pointer.slice(1).split('/').map(unescape)) node = isObject(node) ? node[seg] : undefined;
  return node;
}
