import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormFieldTextbox,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';

/** Form fields of the client pages: NL Design System form fields with a label, a help text and a Dutch error. */

interface BaseProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

const inputValue = (event: { target: unknown }) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;

export function TextField({
  label,
  description,
  error,
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  required,
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  required?: boolean;
}) {
  return (
    <FormFieldTextbox
      label={label}
      description={description}
      errorMessage={error}
      invalid={Boolean(error)}
      value={value}
      type={type}
      autoComplete={autoComplete}
      required={required}
      inputMode={inputMode}
      onChange={(event) => onChange(inputValue(event))}
    />
  );
}

export function TextareaField({
  label,
  description,
  error,
  value,
  onChange,
  required,
}: BaseProps & { value: string; onChange: (value: string) => void; required?: boolean }) {
  return (
    <FormFieldTextarea
      label={label}
      description={description}
      errorMessage={error}
      invalid={Boolean(error)}
      value={value}
      required={required}
      onChange={(event) => onChange(inputValue(event))}
    />
  );
}

export function SelectField({
  label,
  description,
  error,
  value,
  onChange,
  options,
}: BaseProps & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <FormField invalid={Boolean(error)} type="select">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          value={value}
          invalid={Boolean(error)}
          aria-describedby={[description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

interface Choice {
  value: string;
  label: string;
  description?: string | undefined;
}

/** One question with several answers: radio buttons (one answer) or checkboxes (several), in a fieldset. */
export function ChoiceGroup({
  legend,
  description,
  error,
  choices,
  multiple,
  selected,
  onChange,
}: {
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice[];
  multiple: boolean;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy} className="hub-choices">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`;
        const checked = selected.includes(choice.value);
        const toggle = () => {
          if (!multiple) onChange([choice.value]);
          else onChange(checked ? selected.filter((v) => v !== choice.value) : [...selected, choice.value]);
        };
        return (
          <FormField key={choice.value} type={multiple ? 'checkbox' : 'radio'} className="hub-choice">
            <div className="utrecht-form-field__input">
              {multiple ? (
                <Checkbox id={inputId} checked={checked} onChange={toggle} aria-describedby={choice.description ? `${inputId}-description` : undefined} />
              ) : (
                <RadioButton
                  id={inputId}
                  name={id}
                  value={choice.value}
                  checked={checked}
                  onChange={toggle}
                  aria-describedby={choice.description ? `${inputId}-description` : undefined}
                />
              )}
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={inputId} type={multiple ? 'checkbox' : 'radio'}>
                {choice.label}
              </FormLabel>
            </div>
            {choice.description && (
              <FormFieldDescription id={`${inputId}-description`} className="utrecht-form-field__description">
                {choice.description}
              </FormFieldDescription>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}
