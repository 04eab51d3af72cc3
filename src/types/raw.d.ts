/** Text imports (`?raw`): Vite in tests, our rollup plugin in the bundle. */
declare module '*?raw' {
  const text: string;
  export default text;
}
