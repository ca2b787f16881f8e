/** Shown while a page's data loads (first visit, or opening a call). */
export default function Loading() {
  return (
    <div className="page-loading" role="status" aria-label="Loading">
      <span className="loading-dot" />
      <span className="muted">Loading…</span>
    </div>
  );
}
