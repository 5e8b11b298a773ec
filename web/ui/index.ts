// The design system: presentational building blocks and the one stylesheet (styles.css). It knows
// no domain words and calls no API; pages in web/<context>/ compose it.
export { Badge } from './Badge.tsx';
export { Button, type ButtonProps } from './Button.tsx';
export { CheckboxField } from './CheckboxField.tsx';
export { CopyField } from './CopyField.tsx';
export { type ErrorItem, ErrorSummary } from './ErrorSummary.tsx';
export { SelectField, TextArea, TextField } from './Field.tsx';
export { Loading } from './Loading.tsx';
export { Notice } from './Notice.tsx';
export { type Crumb, PageHeader, useDocumentTitle } from './PageHeader.tsx';
export { Stats } from './Stats.tsx';
export { type Tab, Tabs } from './Tabs.tsx';
