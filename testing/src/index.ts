export { buildOrganization } from './builders.ts';
export { createTestDatabase } from './database.ts';
export {
  startTestHub,
  type DirectRequestOptions,
  type GraphQLBody,
  type GraphQLErrorBody,
  type GraphQLResult,
  type LogLine,
  type RequestOptions,
  type TestHub,
  type TestHubOptions,
  type TokenSubject,
} from './hub.ts';
export { dataOf, demoParty, errorCodes, type Party } from './results.ts';
export {
  buildIndicatie,
  INDICATIEREGISTER_SDL,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  TEST_UZOVI,
  type TestIndicatie,
  type TestRegister,
} from './iwlz-register.ts';
export { startTestSmtpServer, type ReceivedMail, type SmtpMode, type TestSmtpServer } from './smtp.ts';
export { startNotificationIntake, type TestNotificationIntake } from './notification-intake.ts';
