import type { CarriedCredentialView } from "@/lib/explorer";

/**
 * A masked credential with its whitespace made visible: ␣ marks a leading or
 * trailing space or tab, ↵ a line break, so "sent with a stray newline" can
 * be seen at a glance.
 */
export function CredentialValue({ credential }: { credential: Pick<CarriedCredentialView, "preview" | "leadingWhitespace" | "trailingWhitespace" | "lineBreak"> }) {
  return (
    <span className="credential-value mono">
      {credential.leadingWhitespace && <WhitespaceMark symbol="␣" title="leading whitespace" />}
      <span>{credential.preview}</span>
      {credential.trailingWhitespace && <WhitespaceMark symbol="␣" title="trailing whitespace" />}
      {credential.lineBreak && <WhitespaceMark symbol="↵" title="line break" />}
    </span>
  );
}

function WhitespaceMark({ symbol, title }: { symbol: string; title: string }) {
  return (
    <mark className="whitespace-mark" title={title} aria-label={title} data-testid="whitespace-mark">
      {symbol}
    </mark>
  );
}

export function whitespaceProblems(credential: CarriedCredentialView): string[] {
  return [
    credential.leadingWhitespace && "leading whitespace",
    credential.trailingWhitespace && "trailing whitespace",
    credential.lineBreak && "a line break",
  ].filter((problem): problem is string => Boolean(problem));
}
