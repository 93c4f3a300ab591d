/** A suggestion for a partly typed option value (Discord autocomplete, CLI completion). */
export interface Completion {
  name: string;
  value: string;
}
