/**
 * j-component makes `tap` out of touchstart/touchend only, as a phone does. With a mouse, the preview turns
 * pointer presses into touches; real touches (a touch screen, Playwright's tap) pass through untouched.
 */
const MOVE_PX = 10;
const LONGPRESS_MS = 350;

function touchEvent(type: string, target: EventTarget, at: PointerEvent, ended: boolean): TouchEvent {
  const touch = new Touch({
    identifier: 1,
    target,
    clientX: at.clientX,
    clientY: at.clientY,
    pageX: at.pageX,
    pageY: at.pageY,
    screenX: at.screenX,
    screenY: at.screenY,
  });
  return new TouchEvent(type, {
    bubbles: true,
    cancelable: true,
    composed: true,
    touches: ended ? [] : [touch],
    targetTouches: ended ? [] : [touch],
    changedTouches: [touch],
  });
}

export function mouseAsTouch(root: HTMLElement): void {
  let target: EventTarget | null = null;
  root.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' || e.button !== 0 || !e.target) return;
    target = e.target;
    target.dispatchEvent(touchEvent('touchstart', target, e, false));
  });
  root.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'mouse' && target) target.dispatchEvent(touchEvent('touchmove', target, e, false));
  });
  const end = (type: string) => (e: PointerEvent) => {
    if (e.pointerType !== 'mouse' || !target) return;
    target.dispatchEvent(touchEvent(type, target, e, true));
    target = null;
  };
  root.addEventListener('pointerup', end('touchend'));
  root.addEventListener('pointercancel', end('touchcancel'));
}

/** Calls `onTap` with the element a finger tapped (a short touch that did not move), after the page saw it. */
export function onTap(root: HTMLElement, handler: (target: Element) => void): void {
  let start: { x: number; y: number; at: number; target: Element } | null = null;
  root.addEventListener(
    'touchstart',
    (e) => {
      const t = e.touches[0];
      start =
        t && e.target instanceof Element ? { x: t.clientX, y: t.clientY, at: Date.now(), target: e.target } : null;
    },
    { capture: true },
  );
  root.addEventListener(
    'touchend',
    (e) => {
      const t = e.changedTouches[0];
      const s = start;
      start = null;
      if (!s || !t || Date.now() - s.at > LONGPRESS_MS) return;
      if (Math.abs(t.clientX - s.x) > MOVE_PX || Math.abs(t.clientY - s.y) > MOVE_PX) return;
      // j-component dispatches its tap in a microtask after touchend; the page's handlers run first.
      setTimeout(() => handler(s.target), 0);
    },
    { capture: true },
  );
}
