// The design system: presentational building blocks and the one stylesheet (styles.css). It knows
// no domain words and calls no API; pages in web/<context>/ compose it.
export { Badge } from './Badge';
export { Button, type ButtonProps } from './Button';
export { CopyField } from './CopyField';
export { type ErrorItem, ErrorSummary } from './ErrorSummary';
export { TextArea, TextField } from './Field';
export { Loading } from './Loading';
export { Notice } from './Notice';
export { type Crumb, PageHeader, useDocumentTitle } from './PageHeader';
export { Stats } from './Stats';
export { type Tab, Tabs } from './Tabs';
