// The React-free entry (`@saas-litellm/react/core`): no "use client", so server code and workers can import
// the client and the error-to-UI mapping without marking a client boundary. The root entry re-exports it.
export * from "./core/index";
