-- The client's User-Agent header: which client release sends a refused
-- credential is often the answer. Null for a call stored before this, and
-- for one whose trace does not log the header. No index: like the method
-- and the interceptor, it is counted within a view, not searched alone.
ALTER TABLE "calls" ADD COLUMN "user_agent" TEXT;
