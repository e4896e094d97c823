-- Reads a room's snapshots and log at one instant (no commit in between).
-- KEYS: 1 snapshot, 2 previous snapshot, 3 log. ARGV: 1 '1' to include the previous snapshot.
-- Returns { snapshot or nil, previous snapshot or nil, { log entries, oldest first } }.
local previous = false
if ARGV[1] == '1' then previous = redis.call('GET', KEYS[2]) end
return { redis.call('GET', KEYS[1]), previous, redis.call('LRANGE', KEYS[3], 0, -1) }
