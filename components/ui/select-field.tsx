import { Field } from "./field";

export interface Option {
  value: string;
  label: string;
}

interface Props {
  name: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  options: Option[];
  /** The first option, for no choice (value ""); left out when a choice is required. */
  none?: string;
}

/** A labelled choice among options, wired like every other field (components/ui/field.tsx). */
export function SelectField({ name, label, errors, defaultValue, options, none }: Props) {
  return (
    <Field name={name} label={label} errors={errors}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {none === undefined ? null : <option value="">{none}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
