import type { SaaSLLMJobsClient } from "../core/createJobsClient";
import type { SaaSLLMClient } from "../core/createSaaSLLMClient";

/**
 * Tells the hooks which client your `<SaaSLLMProvider>` holds, the way TanStack Router and Query register
 * theirs. Unregistered, the provider takes only a full `createSaaSLLMClient` client. Registered, it takes
 * that client, and a hook or component that calls a method module the client lacks does not compile: the
 * error names the module to add.
 *
 * @example
 * const client = composeSaaSLLMClient({ baseUrl: "/llm", teamId: "acme" }, streamMethods);
 * declare module "@saas-litellm/react" {
 *   interface Register {
 *     client: typeof client;
 *   }
 * }
 * useChatStream({ model: "chat-fast" }); // compiles
 * <CreditsMeter />; // error: "CreditsMeter needs a client composed with accountMethods: ..."
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface Register {}

/** The client type registered with {@link Register}, or the full client when none is. */
export type RegisteredClient = Register extends { client: infer C extends SaaSLLMJobsClient } ? C : SaaSLLMClient;

/** What each hook or component calls beyond the job methods every client has, and the module that adds it. */
export interface Needs {
  useChatStream: { module: "streamMethods"; methods: "streamLLMCall" | "streamCreateAndCall" };
  useCredits: { module: "accountMethods"; methods: "getCreditBalance" };
  CreditsMeter: { module: "accountMethods"; methods: "getCreditBalance" };
  JobCost: { module: "accountMethods"; methods: "getJobCosts" };
}

/** A hook or component that needs a method module. */
export type ClientUser = keyof Needs;

/** The message when the client lacks what `User` calls (`useChatStream` throws the same words at run time). */
export type MissingModule<User extends ClientUser> = `${User} needs a client composed with ${Needs[User]["module"]}: composeSaaSLLMClient(options, ${Needs[User]["module"]})`;

/**
 * Intersected with a hook's options or a component's props: `unknown` when client `C` (the registered one)
 * has what `User` calls, else a required property whose name is the {@link MissingModule} message.
 */
export type RequiresClient<User extends ClientUser, C = RegisteredClient> = [C] extends [Pick<SaaSLLMClient, Needs[User]["methods"]>] ? unknown : { [K in MissingModule<User>]: never };

/** The runtime check a hook passes to `useSaaSLLMContext`: who, the module, and a method that module adds. */
export type ClientNeed = { [U in ClientUser]: readonly [U, Needs[U]["module"], Needs[U]["methods"]] }[ClientUser];
