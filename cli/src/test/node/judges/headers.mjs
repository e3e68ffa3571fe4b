// A header's value by name, whatever its case.
export const header = (headers, name) => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : headers[key]
}
