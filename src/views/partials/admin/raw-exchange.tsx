export interface RawExchangeProps {
  rawPrompt: string | null;
  rawResponse: string | null;
}

const NONE = '(none: not recorded, or deleted after the retention period in llm.yaml)';

/** The raw prompt and response, folded away, for debugging an evaluation. */
export function RawExchange({ rawPrompt, rawResponse }: RawExchangeProps) {
  return (
    <>
      <details>
        <summary>Raw prompt</summary>
        <pre class="code">{rawPrompt ?? NONE}</pre>
      </details>
      <details>
        <summary>Raw response</summary>
        <pre class="code">{rawResponse ?? NONE}</pre>
      </details>
    </>
  );
}
