/** A call's HTTP status, coloured by its class; `noResponse` is what to show when none was logged. */
export function StatusBadge({ status, noResponse }: { status: number | null; noResponse: string }) {
  if (status === null) {
    return (
      <span className="status status-none" title="No response was logged">
        {noResponse}
      </span>
    );
  }
  return <span className={`status status-${Math.floor(status / 100)}xx`}>{status}</span>;
}
