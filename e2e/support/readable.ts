import type { Locator } from "@playwright/test";

/** Whether the element lies within the page's width and shows all of its text (nothing cut off by an ellipsis, a line clamp or its column). */
export const readableAcross = (element: Locator) =>
  element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.left >= 0 && box.right <= document.documentElement.clientWidth && node.scrollWidth <= node.clientWidth && node.scrollHeight <= node.clientHeight;
  });
