/** The pages of the Advies area: one chunk, loaded on first use (see ../lazy.ts). */
export { AskConsultationPage } from './ask.tsx';
export { ConsultationInboxPage } from './inbox.tsx';
