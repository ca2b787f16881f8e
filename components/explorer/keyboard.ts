// Where the focus takes keys itself: text fields every key, and links and
// buttons (and what acts as them) Enter and Space, which activate them.
const TYPES_TEXT = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";
const ACTIVATES =
  "a[href], button, summary, [role=button], [role=link], [role=checkbox], [role=switch], [role=tab], [role=menuitem], [role=option]";
const ACTIVATING_KEYS = new Set(["Enter", " "]);

/**
 * Whether a page-wide key (`/` to search, `j`/`k`/`Enter` for the rows) is
 * the page's to act on: not with Ctrl, ⌘ or Alt held (the browser's and the
 * system's shortcuts), not while text is typed, and not when it would
 * activate the focused link or button. Letters stay the page's on a focused
 * button, which does nothing with them (focus stays on a facet after a click).
 */
export function isPageKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const focused = event.target instanceof Element ? event.target : null;
  if (!focused) return true;
  if (focused.closest(TYPES_TEXT)) return false;
  return !(ACTIVATING_KEYS.has(event.key) && focused.closest(ACTIVATES));
}
