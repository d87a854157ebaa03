import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { HandoverLightLinksDocument, type HandoverLightLinksQuery, RevokeLightLinkDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { label } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { LIGHT_LINK_STATUS_LABELS } from '../link/labels.ts';
import { formatDateTime, useMutation } from './shared.tsx';

type Link = HandoverLightLinksQuery['lightLinks'][number];

/**
 * The answer links e-mailed for this handover to a receiver without accounts, as its sender sees them: when sent,
 * until when they work, whether used; an unused one can be revoked. Shown only when there are links: a receiver with
 * accounts answers in the hub and gets none (and without an answer from the hub there is nothing to say either).
 */
export function LightLinksSection({ referralId }: { referralId: string }) {
  const result = useQuery(HandoverLightLinksDocument, { referralId });
  const revoke = useMutation(RevokeLightLinkDocument);
  const [changed, setChanged] = useState<Record<string, Link>>({});
  const [asking, setAsking] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) message.current?.focus();
  }, [saved]);
  const links = (result.data?.lightLinks ?? []).map((l) => changed[l.id] ?? l);
  if (links.length === 0) return null;

  async function confirmRevoke(id: string) {
    const data = await revoke.run({ input: { id } });
    setAsking(null);
    if (!data) return;
    const link = data.revokeLightLink.link;
    setChanged((c) => ({ ...c, [link.id]: link }));
    setSaved('De link is ingetrokken. De ontvanger kan er niet meer mee antwoorden.');
  }

  return (
    <section className="hub-handover-section" aria-labelledby="light-links-heading">
      <Heading2 id="light-links-heading">Links in de e-mail</Heading2>
      <Paragraph>
        De ontvanger heeft geen account in de hub. Daarom kreeg de organisatie een e-mail met een link, waarmee zij één keer kan antwoorden zonder in te loggen.
        Hieronder ziet u of de link gebruikt is. Trek een link in als hij bij de verkeerde persoon is terechtgekomen.
      </Paragraph>
      <div ref={message} tabIndex={-1} aria-live="polite">
        {saved && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        )}
      </div>
      {revoke.error && <ErrorAlert error={revoke.error} headingLevel={3} />}
      <div className="hub-table-scroll hub-stack-table">
        <Table className="hub-light-links">
          <TableCaption>Verstuurde links voor deze overdracht</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Verstuurd</TableHeaderCell>
              <TableHeaderCell scope="col">Werkt tot</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Intrekken</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {links.map((link) => (
              <TableRow key={link.id}>
                <TableCell data-label="Verstuurd">{formatDateTime(link.createdAt)}</TableCell>
                <TableCell data-label="Werkt tot">{formatDateTime(link.expiresAt)}</TableCell>
                <TableCell data-label="Status" className="hub-light-link__status">
                  {label(LIGHT_LINK_STATUS_LABELS, link.status)}
                </TableCell>
                <TableCell data-label="Intrekken">
                  {link.status !== 'ACTIVE' ? (
                    '–'
                  ) : asking === link.id ? (
                    <>
                      <Paragraph>Weet u het zeker? Daarna kan de ontvanger niet meer met deze link antwoorden.</Paragraph>
                      <ButtonGroup>
                        <Button appearance="primary-action-button" busy={revoke.busy} disabled={revoke.busy} onClick={() => void confirmRevoke(link.id)}>
                          Ja, link intrekken
                        </Button>
                        <Button appearance="secondary-action-button" onClick={() => setAsking(null)}>
                          Nee, niet intrekken
                        </Button>
                      </ButtonGroup>
                    </>
                  ) : (
                    <Button
                      appearance="secondary-action-button"
                      onClick={() => {
                        setSaved(null);
                        setAsking(link.id);
                      }}
                    >
                      Link intrekken<span className="hub-visually-hidden">, verstuurd op {formatDateTime(link.createdAt)}</span>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
