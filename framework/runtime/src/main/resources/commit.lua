-- Atomic commit of one room change (compare-and-set on the version).
-- KEYS: 1 doc, 2 version, 3 moves, 4 history, 5.. inboxes (one per delivery, in ARGV order)
-- ARGV: 1 expected version ('' = the room must not exist yet), 2 new version, 3 new doc, 4 ttl ms,
--       5 history length, 6 inbox length, 7 channel, 8 notice, 9 move count m, 10..9+m moves, then messages
local current = redis.call('GET', KEYS[2])
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then
  return 0
end
local ttl = ARGV[4]
redis.call('SET', KEYS[1], ARGV[3], 'PX', ttl)
redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl)
local m = tonumber(ARGV[9])
for i = 1, m do
  redis.call('RPUSH', KEYS[3], ARGV[9 + i])
end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ttl) end
local h = tonumber(ARGV[5])
if h > 0 then
  redis.call('LPUSH', KEYS[4], ARGV[3])
  redis.call('LTRIM', KEYS[4], 0, h - 1)
  redis.call('PEXPIRE', KEYS[4], ttl)
end
local keep = tonumber(ARGV[6])
for k = 5, #KEYS do
  redis.call('RPUSH', KEYS[k], ARGV[9 + m + (k - 4)])
  redis.call('LTRIM', KEYS[k], -keep, -1)
  redis.call('PEXPIRE', KEYS[k], ttl)
end
redis.call('PUBLISH', ARGV[7], ARGV[8])
return 1
