/** "3 closed cases", "1 closed case". */
export function closedCases(count: number): string {
  return `${count} closed ${count === 1 ? 'case' : 'cases'}`
}
