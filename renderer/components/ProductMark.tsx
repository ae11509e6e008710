/** The product's mark: drawn inline so it needs no asset request and no CSP exception. */
export function ProductMark() {
  return (
    <svg className="product-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect width="24" height="24" rx="5" fill="currentColor" />
      <path
        d="M8 18V6h5.2a3.8 3.8 0 0 1 0 7.6H8"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
