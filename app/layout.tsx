import "@fontsource-variable/inter";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { HydrationMark } from "@/components/layout/hydration-mark";
import { MAIN_CONTENT_ID, SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tracelens", template: "%s · Tracelens" },
  description: "Why did the API gateway answer 401? Every rejection, its cause and its evidence line.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SkipLink />
        <AppHeader />
        {/* Focusable for the skip link only (tabIndex -1 keeps it out of the Tab order). */}
        <main className="page" id={MAIN_CONTENT_ID} tabIndex={-1}>
          {children}
        </main>
        <HydrationMark />
      </body>
    </html>
  );
}
