import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here that you can see. Check the address, or go back to your <Link href="/">home page</Link>.
      </p>
    </>
  );
}
