import type { Checklist } from './useChecklist';

export interface SopChecklistProps {
  /** From useChecklist(sop, role). */
  checklist: Checklist;
  /** While saving or signing. */
  disabled?: boolean;
}

/** The SOP's checklist for one role, as checkboxes; required items are marked, and the count of those still unticked is shown. */
export function SopChecklist({ checklist, disabled = false }: SopChecklistProps) {
  const { sop, role, items, checked, missingRequired, setChecked } = checklist;
  return (
    <section className="segqc-checklist" data-testid="segqc-checklist" data-role={role}>
      <h3 className="segqc-subtitle">Checklist for the {role}</h3>
      {!sop && <p className="segqc-empty">No SOP in force, so no checklist.</p>}
      {sop && items.length === 0 && <p className="segqc-empty">The SOP has no {role} items.</p>}
      {items.length > 0 && (
        <ul className="segqc-checklist-items">
          {items.map((item) => (
            <li key={item.id} className="segqc-checklist-entry" data-required={item.required}>
              <label>
                <input
                  type="checkbox"
                  data-testid="segqc-checklist-item"
                  data-item-id={item.id}
                  data-required={item.required}
                  checked={checked[item.id]}
                  disabled={disabled}
                  onChange={(event) => setChecked(item.id, event.target.checked)}
                />
                <span className="segqc-checklist-text">{item.text}</span>
                {item.required && <span className="segqc-required">required</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 &&
        (missingRequired.length > 0 ? (
          <p className="segqc-checklist-missing" data-testid="segqc-checklist-missing" data-count={missingRequired.length}>
            {missingRequired.length === 1 ? '1 required item is' : `${missingRequired.length} required items are`} not ticked yet.
          </p>
        ) : (
          <p className="segqc-checklist-complete" data-testid="segqc-checklist-complete">
            Every required item is ticked.
          </p>
        ))}
    </section>
  );
}
