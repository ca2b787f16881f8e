/**
 * A group of buttons of which one is on (aria-pressed): `value` is the one,
 * null when none is. `disabled` while the choice cannot be known yet.
 */
export function Segmented<Value extends string>({
  label,
  options,
  value,
  onChange,
  disabled = false,
  className = "",
}: {
  label: string;
  options: ReadonlyArray<readonly [Value, string]>;
  value: Value | null;
  onChange: (value: Value) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <div className={`segmented ${className}`.trim()} role="group" aria-label={label}>
      {options.map(([option, text]) => (
        <button key={option} type="button" aria-pressed={value === option} disabled={disabled} onClick={() => onChange(option)}>
          {text}
        </button>
      ))}
    </div>
  );
}
