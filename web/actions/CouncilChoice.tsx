// Which of the viewer's councils an act is for (a pledge, a status report): a select only when there is
// more than one to choose from.
import type { MyCouncil } from '../app/api-types.ts';
import { SelectField } from '../ui/index.ts';

export function CouncilChoice(props: {
  id: string | undefined;
  label: string;
  councils: readonly MyCouncil[];
  value: string;
  onChange: (councilId: string) => void;
  error: string | undefined;
}) {
  if (props.councils.length < 2) return null;
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
    >
      {props.councils.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
