import { useEffect, useRef, useState } from 'react';
import type { IssuedKey } from '../../api/insights-api';

interface IssuedKeyPanelProps {
  keyName: string;
  issued: IssuedKey;
  onDone: () => void;
}

/** A rotated key's new secret, shown this once: the server keeps only its hash. */
export function IssuedKeyPanel({ keyName, issued, onDone }: IssuedKeyPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string>('');

  // The panel replaces the button that was pressed: focus moves to it so the secret is read out next.
  useEffect(() => headingRef.current?.focus(), []);

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(issued.app_token);
      setCopied('Secret copied.');
    } catch {
      // Browsers refuse the clipboard outside https or without permission; selecting by hand still works.
      setCopied('Could not copy: select the secret and copy it by hand.');
    }
  };

  return (
    <section className="issued-key" aria-labelledby="issued-key-heading">
      <h3 id="issued-key-heading" className="issued-key-heading" ref={headingRef} tabIndex={-1}>
        New secret of {keyName}
      </h3>
      <p className="issued-key-note">
        <strong>Copy it now, it is not shown again.</strong> Apps still using the old secret are refused from now on.
      </p>
      <dl className="details">
        <div>
          <dt>Application id</dt>
          <dd>
            <code>{issued.app_id}</code>
          </dd>
        </div>
        <div>
          <dt>Secret</dt>
          <dd>
            <code data-testid="issued-secret">{issued.app_token}</code>
          </dd>
        </div>
      </dl>
      <div className="issued-key-actions">
        <button type="button" className="button" onClick={copySecret}>
          Copy secret
        </button>
        <button type="button" className="button" onClick={onDone}>
          I have copied it
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}
