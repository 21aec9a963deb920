import { useState } from 'react';

interface KeyRotateControlProps {
  keyName: string;
  onConfirm: () => Promise<void>;
}

/** "Rotate secret", asked once more before the old secret stops working, as apps using it break at once. */
export function KeyRotateControl({ keyName, onConfirm }: KeyRotateControlProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Rotate secret<span className="visually-hidden"> of {keyName}</span>
      </button>
    );
  }
  return (
    <fieldset className="rotate-confirm">
      <legend>Rotate the secret of {keyName}? Apps using the old one are refused at once.</legend>
      <button type="button" className="button danger" onClick={confirm} disabled={busy}>
        Rotate now
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)} disabled={busy}>
        Cancel
      </button>
    </fieldset>
  );
}
