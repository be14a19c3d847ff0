/** Stylesheets are bundled as text (webpack asset/source) and injected by the island. */
declare module '*.css' {
  const stylesheet: string;
  export default stylesheet;
}
