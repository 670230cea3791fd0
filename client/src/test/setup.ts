// Testing Library setup for jsdom component tests.
export {};
