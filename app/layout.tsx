import "@fontsource-variable/inter";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { HydrationMark } from "@/components/layout/hydration-mark";
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
        <AppHeader />
        <main className="page">{children}</main>
        <HydrationMark />
      </body>
    </html>
  );
}
