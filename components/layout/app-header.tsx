import Link from "next/link";
import { NavLink } from "./nav-link";
import { ZoneToggle } from "./zone-toggle";

export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label="Tracelens home">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path d="M15 15l5.5 5.5" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
          <path d="M6.5 10h2l1-2.5 1.5 5 1-2.5h1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        <span>Tracelens</span>
      </Link>
      <nav className="app-nav" aria-label="Main">
        <NavLink href="/">Calls</NavLink>
        <NavLink href="/events">Events</NavLink>
        <NavLink href="/uploads">Uploads</NavLink>
      </nav>
      <ZoneToggle />
    </header>
  );
}
