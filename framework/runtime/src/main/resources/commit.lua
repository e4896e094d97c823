-- Atomic commit of one room change (compare-and-set on the version), in as few Redis calls as it can:
-- each call from Lua costs about as much as the work it does.
-- KEYS: 1 version, 2 log, 3 snapshot, 4 previous snapshot, 5 moves, 6.. inboxes (one per delivery, in ARGV order)
-- ARGV: 1 expected version ('' = the room must not exist yet), 2 new version, 3 log entry ('' = none),
--       4 snapshot of the whole room ('' = none this time), 5 ttl ms, 6 log entries kept at a snapshot, 7 inbox length,
--       8 the room's sharded channel ('' = announced by the caller, once replicas have the change), 9 notice, 10 move count m, 11..10+m moves, then messages
-- Expiry: a key gets the ttl when it is made, and every key of the room gets it again once the version
-- key has less than half of it left, so the room's keys expire between half the ttl and the ttl after
-- its last change (a safety net behind the sweeper), without an expiry call on every commit.
local current = redis.call('GET', KEYS[1])
local created = ARGV[1] == ''
if created then
  if current then return 0 end
  redis.call('DEL', KEYS[2], KEYS[4])
elseif current ~= ARGV[1] then
  return 0
end
local ttl = tonumber(ARGV[5])
local refresh = created or redis.call('PTTL', KEYS[1]) < ttl / 2
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
if ARGV[3] ~= '' and redis.call('RPUSH', KEYS[2], ARGV[3]) == 1 then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
if ARGV[4] ~= '' then
  -- A snapshot: the one before is kept, and the log trimmed (between snapshots it only grows)
  if not created and redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[4]) end
  redis.call('SET', KEYS[3], ARGV[4], 'PX', ttl)
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[6]), -1)
end
local m = tonumber(ARGV[10])
if m > 0 and redis.call('RPUSH', KEYS[5], unpack(ARGV, 11, 10 + m)) == m then
  redis.call('PEXPIRE', KEYS[5], ttl)
end
local keep = tonumber(ARGV[7])
for k = 6, #KEYS do
  local length = redis.call('RPUSH', KEYS[k], ARGV[10 + m + (k - 5)])
  if length > keep then redis.call('LTRIM', KEYS[k], -keep, -1) end
  if length == 1 then redis.call('PEXPIRE', KEYS[k], ttl) end
end
if refresh then
  for k = 1, #KEYS do redis.call('PEXPIRE', KEYS[k], ttl) end
end
if ARGV[8] ~= '' then redis.call('SPUBLISH', ARGV[8], ARGV[9]) end
return 1
