/** The paper's view on the web page (a hash route, so it works from any base path). */
export const paperHref = (id: string) => `#/paper/${encodeURIComponent(id)}`;
