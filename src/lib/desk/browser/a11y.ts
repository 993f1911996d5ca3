/**
 * Names for the controls of Decap's interface that have none (axe: button-name,
 * aria-command-name): the icon-only buttons that fold a list or group, and the list items
 * dnd-kit makes draggable (role="button" over the whole item). Decap's configuration cannot
 * name them, so they are named as they appear. Nothing else in Decap's markup is touched.
 */
import { ui } from '../../../i18n/zh-CN.ts';

const t = ui.desk.a11y;

function name(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLElement>("button[class*='TopBarButton']:not([aria-label])"))
    button.setAttribute('aria-label', t.fold);
  for (const item of root.querySelectorAll<HTMLElement>("[aria-roledescription='sortable']:not([aria-label])"))
    item.setAttribute('aria-label', t.sortable(item.textContent.trim().slice(0, 40)));
}

export function nameUnnamedControls(): void {
  name(document);
  new MutationObserver(() => {
    name(document);
  }).observe(document.body, { childList: true, subtree: true });
}
