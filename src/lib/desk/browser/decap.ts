/**
 * What the desk uses of Decap CMS's browser bundle (node_modules/decap-cms/dist/decap-cms.js):
 * the `CMS` registry, and React's createElement and create-react-class, which the bundle puts
 * on window for custom widgets (`h`, `createClass`).
 */
export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: readonly unknown[]): unknown;
  toJS(): unknown;
}

export interface WidgetProps {
  value: unknown;
  onChange: (value: unknown) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  entry: ImmutableLike;
  field: ImmutableLike;
  mediaPaths: ImmutableLike;
  onOpenMediaLibrary: (options: Record<string, unknown>) => void;
  onRemoveInsertedMedia: (controlID: string) => void;
}

export type Element = unknown;
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

export interface Component<State> {
  props: WidgetProps;
  state: State;
  setState(state: Partial<State>): void;
}

export interface Cms {
  init(options: { config: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile: (text: string) => unknown; toFile: (data: Record<string, unknown>) => string },
  ): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableLike }) => unknown }): void;
}

interface DecapWindow {
  CMS?: Cms;
  CMS_MANUAL_INIT?: boolean;
  h?: H;
  createClass?: (spec: Record<string, unknown>) => unknown;
}

/** A value Decap hands over, as text: what is not text is no text. */
export const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

export const decapWindow = (): DecapWindow => window as unknown as DecapWindow;

/** Loads the bundle (a file of this site, hashed by the build) without letting it start itself. */
export function loadDecap(src: string): Promise<Required<Pick<DecapWindow, 'CMS' | 'h' | 'createClass'>>> {
  const w = decapWindow();
  w.CMS_MANUAL_INIT = true;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      if (!w.CMS || !w.h || !w.createClass) reject(new Error('decap-cms.js did not define CMS'));
      else resolve({ CMS: w.CMS, h: w.h, createClass: w.createClass });
    };
    script.onerror = () => {
      reject(new Error(`could not load ${src}`));
    };
    document.head.append(script);
  });
}
