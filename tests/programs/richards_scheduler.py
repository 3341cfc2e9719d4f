"""A cooperative task scheduler in the spirit of the classic OS-simulation benchmark: an idle
task, workers that fill packets, handlers that consume them and devices that echo them, all run
by one scheduler loop that picks the highest-priority runnable task."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4


def append_packet(packet, queue):
    packet.link = None
    if queue is None:
        return packet
    last = queue
    while last.link is not None:
        last = last.link
    last.link = packet
    return queue


class Task:
    def __init__(self, ident, priority, queue, scheduler):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.scheduler = scheduler
        self.held = False
        self.waiting = queue is None
        self.runs = 0

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        if packet is not None:
            self.queue = packet.link
        self.waiting = False
        return packet


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, IDLE, 0, None, scheduler)
        self.waiting = False
        self.count = count
        self.seed = 1

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return "stop"
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, WORKER, 1000, queue, scheduler)
        self.destination = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            self.waiting = True
            return None
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        for i in range(4):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, ident, scheduler, queue):
        Task.__init__(self, ident, 2000 + ident, queue, scheduler)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == "work":
                self.work = append_packet(packet, self.work)
            else:
                self.devices = append_packet(packet, self.devices)
        if self.work is not None:
            work = self.work
            if work.datum < 4:
                if self.devices is not None:
                    device = self.devices
                    self.devices = device.link
                    device.datum = work.data[work.datum]
                    device.owner = self.ident + 2  # HANDLER_A's device is DEVICE_A
                    work.datum += 1
                    return self.scheduler.send(device)
            else:
                self.work = work.link
                work.owner = WORKER
                return self.scheduler.send(work)
        self.waiting = True
        return None


class DeviceTask(Task):
    def __init__(self, ident, scheduler):
        Task.__init__(self, ident, 4000 + ident, None, scheduler)
        self.pending = None
        self.echoed = 0

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                self.waiting = True
                return None
            packet, self.pending = self.pending, None
            packet.owner = self.ident - 2
            return self.scheduler.send(packet)
        self.pending = packet
        self.echoed += packet.datum
        self.held = True
        return None


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def release(self, ident):
        self.tasks[ident].held = False
        return None

    def send(self, packet):
        self.queue_count += 1
        target = self.tasks[packet.owner]
        target.queue = append_packet(packet, target.queue)
        return None

    def run(self):
        while True:
            ready = [t for t in self.tasks.values() if t.runnable()]
            if not ready:
                return
            task = max(ready, key=lambda t: t.priority)
            task.runs += 1
            packet = task.take_packet() if task.queue is not None else None
            if task.step(packet) == "stop":
                return
            if task.held:
                self.hold_count += 1


def build(count):
    s = Scheduler()
    s.add(IdleTask(s, count))
    work = None
    for _ in range(2):
        work = append_packet(Packet(None, WORKER, "work"), work)
    s.add(WorkerTask(s, work))
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        devices = None
        for _ in range(3):
            devices = append_packet(Packet(None, handler, "device"), devices)
        s.add(HandlerTask(handler, s, devices))
        s.add(DeviceTask(device, s))
    return s


for count in (100, 1000, 5000):
    s = build(count)
    s.run()
    runs = [s.tasks[i].runs for i in sorted(s.tasks)]
    print("count=%d queued=%d holds=%d runs=%s echoed=%d" % (
        count, s.queue_count, s.hold_count, runs,
        s.tasks[DEVICE_A].echoed + s.tasks[DEVICE_B].echoed))
