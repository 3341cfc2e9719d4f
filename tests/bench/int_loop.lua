-- Same loop as int_loop.py: integer arithmetic in a local function.
local function main()
  local total = 0
  for i = 0, 10000000 - 1 do
    total = (total + i * 7) % 1000003
  end
  print(total)
end

main()
