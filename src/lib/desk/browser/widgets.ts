/**
 * The desk's own widgets, registered with Decap CMS: the folder name of a new feature, the
 * date with its precision, and the body as the raw MDX the editor wrote (Decap's rich-text
 * editor would rewrite it) with the site's components to insert and the check's findings.
 */
import { parseFeatureDate, type DatePrecision } from '../../feature-date.ts';
import { ui } from '../../../i18n/zh-CN.ts';
import type { DeskComponent } from '../components.ts';
import { componentSnippet, insertBlock, type PropValues } from '../snippet.ts';
import type { DeskDiagnostic } from '../validate.ts';
import { asText, type Component, type H, type WidgetProps } from './decap.ts';

const t = ui.desk;
type Spec = Record<string, unknown>;
type CreateClass = (spec: Spec) => unknown;
const invalid = (message: string) => ({ error: { message } });
/** An entry's slug is its path under the collection folder: jiulong/index → jiulong. */
export const folderOf = (slug: string) => slug.replace(/\/index$/, '');

export function slugWidget(h: H, createClass: CreateClass, pattern: RegExp) {
  return createClass({
    isValid(this: Component<object>) {
      if (!this.props.entry.get('newRecord')) return true;
      return pattern.test(asText(this.props.value)) ? true : invalid(t.slugInvalid);
    },
    render(this: Component<object>) {
      const { entry, value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      if (!entry.get('newRecord'))
        return h('p', { id: forID, className: classNameWrapper }, t.slugFixed(folderOf(String(entry.get('slug')))));
      return h('input', {
        id: forID,
        className: classNameWrapper,
        value: typeof value === 'string' ? value : '',
        lang: 'en',
        autoComplete: 'off',
        spellCheck: false,
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
        onChange: (event: { target: { value: string } }) => {
          onChange(event.target.value.trim().toLowerCase());
        },
      });
    },
  });
}

const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));

/** "2019", "2019-07" or "2019-07-01": a precision, then a year, a month and a day as far as it goes. */
export function dateWidget(h: H, createClass: CreateClass) {
  return createClass({
    getInitialState(): { precision?: DatePrecision } {
      return {};
    },
    isValid(this: Component<object>) {
      const value = asText(this.props.value);
      if (value === '') return true;
      return parseFeatureDate(value) ? true : invalid(t.date.invalid);
    },
    render(this: Component<{ precision?: DatePrecision }>) {
      const { value, onChange, forID, classNameWrapper } = this.props;
      const text = asText(value);
      const [y = '', m, d] = text.split('-');
      const precision: DatePrecision = this.state.precision ?? (d ? 'day' : m ? 'month' : 'year');
      const emit = (next: { precision?: DatePrecision; y?: string; m?: string; d?: string }) => {
        const p = next.precision ?? precision;
        const year = (next.y ?? y).replace(/\D/g, '').slice(0, 4);
        const month = next.m ?? m ?? '01';
        const day = next.d ?? d ?? '01';
        this.setState({ precision: p });
        onChange(
          year === '' ? '' : p === 'year' ? year : p === 'month' ? `${year}-${month}` : `${year}-${month}-${day}`,
        );
      };
      const select = (label: string, current: string, count: number, key: 'm' | 'd') =>
        h(
          'select',
          {
            'aria-label': label,
            value: current,
            onChange: (e: { target: { value: string } }) => {
              emit({ [key]: e.target.value });
            },
          },
          ...Array.from({ length: count }, (_, i) => h('option', { key: i, value: pad(i + 1) }, `${i + 1}${label}`)),
        );
      return h(
        'div',
        { className: `${classNameWrapper} desk-date` },
        h(
          'select',
          {
            id: forID,
            'aria-label': t.date.precision,
            value: precision,
            onChange: (e: { target: { value: DatePrecision } }) => {
              emit({ precision: e.target.value });
            },
          },
          ...(['year', 'month', 'day'] as const).map((p) => h('option', { key: p, value: p }, t.date.precisions[p])),
        ),
        h('input', {
          'aria-label': t.date.year,
          inputMode: 'numeric',
          size: 4,
          value: y,
          onChange: (e: { target: { value: string } }) => {
            emit({ y: e.target.value });
          },
        }),
        h('span', { 'aria-hidden': true }, t.date.year),
        precision !== 'year' && select(t.date.month, m ?? '01', 12, 'm'),
        precision === 'day' && select(t.date.day, d ?? '01', 31, 'd'),
      );
    },
  });
}

export interface BodyWidgetOptions {
  components: readonly DeskComponent[];
  /** The entry's findings for the body as it is now (the whole file checked: validate.ts). */
  check: (props: WidgetProps, body: string) => DeskDiagnostic[];
  /** Where a finding is, as the editor finds it: the field's label or the body's line. */
  where: (finding: DeskDiagnostic) => string;
}

interface BodyState {
  /** Required props left empty in the insert form: named, nothing inserted. */
  missing?: string[];
  open?: string | undefined;
  values: PropValues;
  inner: string;
}

let controls = 0;

export function bodyWidget(h: H, createClass: CreateClass, { components, check, where }: BodyWidgetOptions) {
  return createClass({
    getInitialState(): BodyState {
      return { values: {}, inner: '' };
    },
    // Decap re-renders a widget only when its own value changes unless the widget says
    // otherwise: the findings follow every field, and a chosen photo arrives in mediaPaths.
    shouldComponentUpdate() {
      return true;
    },
    componentDidMount(this: Component<BodyState> & { controlID: string }) {
      this.controlID = `desk-body-${++controls}`;
    },
    componentDidUpdate(this: Component<BodyState> & { controlID: string; taken?: string }) {
      // A photo chosen in the media library arrives as a path for this control, until Decap
      // has removed it again: taken once.
      const path = this.props.mediaPaths.get(this.controlID);
      if (typeof path !== 'string' || path === '' || path === this.taken) return;
      this.taken = path;
      this.props.onRemoveInsertedMedia(this.controlID);
      const name = path.split('/').pop() ?? path;
      const photo = components.find((c) => c.name === this.state.open)?.props.find((prop) => prop.kind === 'photo');
      if (photo) this.setState({ values: { ...this.state.values, [photo.name]: `./${name}` } });
    },
    // The body's own errors stop the save here, marked on the body. Decap re-renders this widget
    // only when the body changes, so its view of the other fields may be old: their errors stop
    // the save in the preSave listener (main.ts), which sees the entry as saved.
    isValid(this: Component<BodyState>) {
      const errors = check(this.props, asText(this.props.value)).filter(
        (d) => d.severity === 'error' && d.bodyLine !== undefined,
      );
      return errors.length === 0
        ? true
        : invalid(`${t.body.blocked(errors.length)}：${errors.map((d) => d.zh).join('；')}`);
    },
    render(this: Component<BodyState> & { controlID: string; textarea?: HTMLTextAreaElement }) {
      const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const body = typeof value === 'string' ? value : '';
      const findings = check(this.props, body);
      const component = components.find((c) => c.name === this.state.open);
      const photoProp = component?.props.find((prop) => prop.kind === 'photo');
      const insert = () => {
        if (!component) return;
        const missing = component.props
          .filter((prop) => prop.required && String(this.state.values[prop.name] ?? '').trim() === '')
          .map((prop) => prop.name);
        if (missing.length > 0) {
          this.setState({ missing });
          return;
        }
        const at = this.textarea?.selectionStart ?? body.length;
        const next = insertBlock(body, at, componentSnippet(component, this.state.values, this.state.inner));
        onChange(next.text);
        this.setState({ open: undefined, values: {}, inner: '', missing: [] });
      };
      const form =
        component &&
        h(
          'fieldset',
          { className: 'desk-insert' },
          h('legend', null, t.body.insert(`${component.name}（${t.components[component.name] ?? ''}）`)),
          ...component.props.map((prop) =>
            h(
              'label',
              { key: prop.name, className: 'desk-insert-prop' },
              h('span', null, `${t.props[prop.name] ?? prop.name}${prop.required ? t.body.required : ''}`),
              h('input', {
                type: prop.kind === 'flag' ? 'checkbox' : 'text',
                name: prop.name,
                ...(prop.kind === 'flag'
                  ? { checked: this.state.values[prop.name] === true }
                  : { value: String(this.state.values[prop.name] ?? '') }),
                onChange: (e: { target: { value: string; checked: boolean } }) => {
                  this.setState({
                    values: {
                      ...this.state.values,
                      [prop.name]: prop.kind === 'flag' ? e.target.checked : e.target.value,
                    },
                  });
                },
              }),
            ),
          ),
          photoProp &&
            h(
              'button',
              {
                type: 'button',
                onClick: () => {
                  this.props.onOpenMediaLibrary({
                    controlID: this.controlID,
                    forImage: true,
                    allowMultiple: false,
                    field: this.props.field,
                  });
                },
              },
              t.body.choosePhoto,
            ),
          (component.content === 'text' || component.content === 'blocks') &&
            h(
              'label',
              { className: 'desk-insert-prop' },
              h('span', null, t.body.innerText),
              h('textarea', {
                rows: 4,
                value: this.state.inner,
                onChange: (e: { target: { value: string } }) => {
                  this.setState({ inner: e.target.value });
                },
              }),
            ),
          component.content === 'components' && h('p', null, t.body.figures),
          (this.state.missing ?? []).length > 0 &&
            h(
              'p',
              { role: 'alert', className: 'desk-finding-error' },
              (this.state.missing ?? [])
                .map((name) => t.body.missing(component.name, name, t.props[name] ?? name))
                .join(' '),
            ),
          h('button', { type: 'button', onClick: insert }, t.body.confirm),
          h(
            'button',
            {
              type: 'button',
              onClick: () => {
                this.setState({ open: undefined });
              },
            },
            t.body.cancel,
          ),
        );
      return h(
        'div',
        { className: 'desk-body' },
        h(
          'div',
          { role: 'toolbar', 'aria-label': t.body.toolbar, className: 'desk-toolbar' },
          ...components.map((c) =>
            h(
              'button',
              {
                key: c.name,
                type: 'button',
                onClick: () => {
                  this.setState({ open: c.name, values: {}, inner: '', missing: [] });
                },
              },
              t.body.insert(`${c.name}（${t.components[c.name] ?? ''}）`),
            ),
          ),
        ),
        form,
        h('textarea', {
          id: forID,
          className: `${classNameWrapper} desk-body-text`,
          value: body,
          rows: 24,
          ref: (element: HTMLTextAreaElement | null) => {
            if (element) this.textarea = element;
          },
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
          onChange: (e: { target: { value: string } }) => {
            onChange(e.target.value);
          },
        }),
        h(
          'section',
          { className: 'desk-findings', 'aria-live': 'polite', 'aria-label': t.body.findings },
          findings.length === 0
            ? h('p', null, t.body.clean)
            : h(
                'ul',
                null,
                ...findings.map((d, i) =>
                  h(
                    'li',
                    { key: i, className: `desk-finding desk-finding-${d.severity}`, 'data-code': d.code },
                    h('strong', null, where(d)),
                    '：',
                    d.zh,
                  ),
                ),
              ),
        ),
      );
    },
  });
}
